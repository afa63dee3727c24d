import socket
import sys

ports = [int(p) for p in sys.stdin.read().split()] + [22, 80, 443, 2375, 4222, 5432, 6379, 8080]
reached = []
for port in ports:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(1)
    try:
        s.connect(("127.0.0.1", port))
        reached.append(port)
    except OSError:
        pass
    finally:
        s.close()
print("reached " + " ".join(map(str, reached)) if reached else "blocked")
