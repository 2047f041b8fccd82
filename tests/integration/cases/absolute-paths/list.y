/* The absolute-paths case: the sum of a comma-separated list (a second parser in the same
   program, hence its own prefix; its lexer is list_lex() in main.c). */
%define api.prefix {list_}
%{
int list_lex(void);
void list_error(const char *message);
int list_sum;
%}
%token ITEM
%%
input: items { list_sum = $1; } ;
items: ITEM
     | items ',' ITEM { $$ = $1 + $3; }
     ;
%%
