import sys
line = "E" * 1000 + "\n"
while True:
    sys.stderr.write(line)
