/* 1 GiB of initialised data: the assembler and linker would write a 1 GiB file. */
char big[1 << 30] = {1};
int main(void) { return big[12345]; }
