# The shell itself dies of a signal it sent itself: its output so far, then status 128+15.
echo before
echo "to stderr" >&2
kill -TERM $$
echo never
