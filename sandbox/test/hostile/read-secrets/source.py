import os

paths = [
    "/etc/shadow",
    "/etc/gshadow",
    "/root/.bashrc",
    "/home",
    "/var/tmp/avantika-hostile-secret/secret.txt",
    "/work/main/package.json",
    "/usr/local/etc/npmrc",
    "/proc/1/environ",
    "/proc/1/mem",
]
for path in paths:
    try:
        if os.path.isdir(path):
            status = "listable" if os.listdir(path) else "empty"
        else:
            with open(path, "rb") as f:
                status = "readable" if f.read(4096) else "empty"
    except FileNotFoundError:
        status = "absent"
    except PermissionError:
        status = "denied"
    except OSError as e:
        status = "error"
    print(f"{path}: {status}")
