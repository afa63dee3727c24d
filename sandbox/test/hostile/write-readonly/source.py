import os

paths = ["/usr/bin/pwned", "/etc/passwd", "/etc/pwned", "/judge/supervisor", "/judge/pwned", "/work/box/main.py", "/work/box/pwned", "/work/pwned", "/pwned"]
for path in paths:
    try:
        with open(path, "a") as f:
            f.write("pwned")
        status = "WRITTEN"
    except OSError:
        status = "denied"
    print(f"{path}: {status}")
for path in ["/work/box", "/work/box/main.py"]:
    try:
        os.chmod(path, 0o777)
        print(f"chmod {path}: DONE")
    except OSError:
        print(f"chmod {path}: denied")
