import socket

results = []
for family, kind, proto, name in [
    (socket.AF_PACKET, socket.SOCK_RAW, 0, "packet"),
    (socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP, "raw icmp"),
    (socket.AF_NETLINK, socket.SOCK_RAW, 0, "netlink"),
]:
    try:
        s = socket.socket(family, kind, proto)
        s.close()
        results.append(f"{name}: opened")
    except OSError:
        results.append(f"{name}: denied")
print("\n".join(results))
