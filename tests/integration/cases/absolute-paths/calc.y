/* The absolute-paths case: integer expressions, tokens from the flex lexer (lexer.l). */
%{
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
