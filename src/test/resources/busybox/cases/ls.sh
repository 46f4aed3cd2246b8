# ls with stable flags: one per line, all, recursive, directories, classify, sort by name.
ls
ls -1 tree
ls -a tree/sub
ls -R tree
ls -d tree tree/sub
ls -F tree
ls -1r tree
ls tree/a.txt words.txt
ls no-such 2>&1; echo "ls missing -> $?"
chmod 600 tree/a.txt; ls -l tree/a.txt | cut -d' ' -f1
