import os
import sys

test = sys.stdin.read().strip()
targets = ["/etc/passwd", "/judge/supervisor", "/work/box/main.py", "/proc/1/root", "/"]
if test == "plant":
    for base in ["/work/run", "/tmp"]:
        for i, target in enumerate(targets):
            os.symlink(target, f"{base}/link{i}")
        os.mkfifo(f"{base}/fifo")
        try:
            os.link("/work/box/main.py", f"{base}/hard")
        except OSError:
            pass
    os.symlink("/etc", "/work/run/dir")
    print("planted")
else:
    left = sorted(os.listdir("/work/run") + os.listdir("/tmp"))
    print("clean" if not left else "left: " + " ".join(left))
