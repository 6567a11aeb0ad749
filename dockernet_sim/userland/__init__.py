"""Linux userland: what a user runs on the host or inside a container besides ``docker`` —
iproute2 and busybox applets, the Linux tools' views of kernel objects, and the text filters
(grep, awk, jq, coreutils) people pipe into."""
