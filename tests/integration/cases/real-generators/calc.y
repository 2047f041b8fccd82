/* A calculator for integer expressions, the bison input of the real-generators case. */
%{
#include <stdio.h>
int yylex(void);
void yyerror(const char *message);
int calc_result;
%}
%token NUM
%left '+' '-'
%left '*' '/'
%%
input: expr { calc_result = $1; } ;
expr: NUM
    | expr '+' expr { $$ = $1 + $3; }
    | expr '-' expr { $$ = $1 - $3; }
    | expr '*' expr { $$ = $1 * $3; }
    | expr '/' expr { $$ = $1 / $3; }
    | '(' expr ')'  { $$ = $2; }
    ;
%%
