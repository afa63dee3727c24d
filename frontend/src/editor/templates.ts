/** A first line of code for stdio problems (function problems come with the server's starter code). */
import type { LanguageId } from "../api/types";

export const STDIO_TEMPLATES: Record<LanguageId, string> = {
  python: "import sys\n\n\ndef main() -> None:\n    data = sys.stdin.read().split()\n    # your solution\n\n\nmain()\n",
  cpp: "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    // your solution\n    return 0;\n}\n",
  c: "#include <stdio.h>\n\nint main(void) {\n    /* your solution */\n    return 0;\n}\n",
  java: "import java.io.*;\nimport java.util.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n        // your solution\n    }\n}\n",
  go: "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tin := bufio.NewReader(os.Stdin)\n\tout := bufio.NewWriter(os.Stdout)\n\tdefer out.Flush()\n\t_ = in\n\tfmt.Fprintln(out)\n}\n",
  javascript: "const input = require(\"fs\").readFileSync(0, \"utf8\").trim().split(/\\s+/);\n// your solution\n",
  typescript: "import { readFileSync } from \"fs\";\n\nconst input: string[] = readFileSync(0, \"utf8\").trim().split(/\\s+/);\n// your solution\n",
};
