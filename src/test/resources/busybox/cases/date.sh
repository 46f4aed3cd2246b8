# date: a fixed date in UTC, formats, -d parsing, -u, -r of a touched file.
date -u -d '2024-02-29 13:45:07' '+%Y-%m-%d %H:%M:%S %a %b %j %u %Z'
date -d @0 '+%s %F %T'
date -d @1700000000
date -u -d '@86399' +%H:%M:%S
date -d '2000-01-01 00:00' +%s
touch -d '2021-06-15 08:30:00' f; date -r f '+%F %T'
TZ=UTC date -d '1999-12-31 23:59:59' -R
date -d 'not a date' 2>&1; echo "bad date -> $?"
