int other(void) { return 42; }
