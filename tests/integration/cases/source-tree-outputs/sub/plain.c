/* Does not include generated/table.h: recompiled on a change only through OBJECT_DEPENDS. */
int plain(void) { return 1; }
