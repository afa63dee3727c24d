// The hostile suite writes a marker into this host file; it must not reach the compiler's output.
#include "/var/tmp/avantika-hostile-secret/secret.txt"
#include "/root/.bashrc"
#include "/work/main/package.json"
int main() {}
