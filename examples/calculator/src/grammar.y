/* Grammar of the calculator: integers, + - * /, parentheses and function calls. */
%{
#include <stdio.h>
#include "calc.h"
%}
%define api.value.type {long}
%token NUMBER FN_MAX FN_SQR FN_NEG
%left '+' '-'
%left '*' '/'
%%
input: expr { calc_result = $1; } ;
expr: expr '+' expr { $$ = $1 + $3; }
    | expr '-' expr { $$ = $1 - $3; }
    | expr '*' expr { $$ = $1 * $3; }
    | expr '/' expr { if ($3 == 0) { yyerror("division by zero"); YYERROR; } $$ = $1 / $3; }
    | '(' expr ')' { $$ = $2; }
    | FN_MAX '(' expr ',' expr ')' { $$ = calc_call2(FN_MAX, $3, $5); }
    | FN_SQR '(' expr ')' { $$ = calc_call1(FN_SQR, $3); }
    | FN_NEG '(' expr ')' { $$ = calc_call1(FN_NEG, $3); }
    | NUMBER
    ;
%%
