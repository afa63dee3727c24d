const hog: string[][] = [];
for (;;) hog.push(new Array<string>(1 << 20).fill("x".repeat(16)));
