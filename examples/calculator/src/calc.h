#ifndef CALC_H
#define CALC_H
extern long calc_result;
int yylex(void);
void yyerror(const char* message);
void calc_set_input(const char* text);
long calc_call1(int function, long a);
long calc_call2(int function, long a, long b);
#endif
