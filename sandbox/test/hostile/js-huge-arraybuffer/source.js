const chunks = [];
for (;;) {
  const chunk = new Uint8Array(64 * 1024 * 1024);
  chunk.fill(1);
  chunks.push(chunk);
}
