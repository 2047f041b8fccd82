int a(void);
int b(void);
int c(void);
int main(void) { return a() + b() + c() == 6 ? 0 : 1; }
