('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')
