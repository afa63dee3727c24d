import socket

found = []
for name in ["registry.npmjs.org", "metadata.google.internal", "example.com"]:
    try:
        socket.getaddrinfo(name, 443)
        found.append(name)
    except OSError:
        pass
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.settimeout(1)
try:
    udp.sendto(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01", ("8.8.8.8", 53))
    udp.recvfrom(512)
    found.append("udp:8.8.8.8")
except OSError:
    pass
print("resolved " + " ".join(found) if found else "blocked")
