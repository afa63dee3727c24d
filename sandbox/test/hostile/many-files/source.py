import os

created = 0
error = None
while created < 200000:
    try:
        with open(f"/tmp/f{created}", "w") as f:
            f.write("x")
        created += 1
    except OSError as e:
        error = e.errno
        break
print("stopped" if error is not None else "all created")
