# printf and echo: formats, widths, escapes, repeats, -n and -e.
printf '%s=%d\n' a 1 b 2 c 3
printf '[%5s][%-5s][%05d][%.2f][%x][%o][%c]\n' ab cd 42 3.14159 255 8 xyz
printf '%b\n' 'tab\there' 'new\nline'
printf 'no newline'; printf '\n'
printf '%%literal %s\n'
printf '%d\n' notanumber 2>&1; echo "bad number -> $?"
echo plain words
echo -n "no newline"; echo
echo -e 'escaped\ttab\nsecond'
echo 'backslash \n kept'
printf '\101\102\x43\n'
