# md5sum, sha1sum, sha256sum, sha512sum, sha3sum, crc32 and -c verification.
md5sum words.txt people.csv
sha1sum lorem.txt
sha256sum words.txt tree/a.txt
sha512sum tree/b.log
sha3sum tree/a.txt
echo -n abc | sha256sum
md5sum words.txt people.csv > sums; md5sum -c sums
echo tampered >> words.txt; md5sum -c sums; echo "md5sum -c after change -> $?"
crc32 lorem.txt
