/**
 * Python harness. The learner's code is embedded (base64) and compiled as "solution.py" in a
 * namespace that already holds what LeetCode pre-imports (typing's names, collections, heapq, …),
 * so line numbers are the learner's own and a syntax error is reported as CE. The function is
 * `Solution().<name>` (a new instance per test) or, failing that, a top-level `<name>`.
 */
import type { HarnessInput } from "./harness";
import { typeShape } from "./signature";

const PRELUDE = [
  "from typing import *",
  "import collections, heapq, bisect, math, itertools, functools, string, re, random, operator",
  "from collections import deque, defaultdict, Counter, OrderedDict",
  "from heapq import heappush, heappop, heapify, heappushpop, heapreplace, nlargest, nsmallest",
  "from bisect import bisect_left, bisect_right, insort",
  "from functools import lru_cache, cache, reduce, cmp_to_key",
  "from itertools import accumulate, permutations, combinations, product, chain",
  "from math import inf, gcd, sqrt, floor, ceil, comb",
].join("\n");

export function pythonHarness(input: HarnessInput): string {
  const entries = input.signatures
    .map((s) => {
      const params = s.params.map((p) => {
        const { base, depth } = typeShape(p.type);
        return `(${JSON.stringify(base)}, ${depth})`;
      });
      const { base, depth } = typeShape(s.returns);
      return `    (${JSON.stringify(s.name)}, [${params.join(", ")}], ${JSON.stringify(base)}, ${depth}),`;
    })
    .join("\n");
  const encoded = Buffer.from(input.learnerSource, "utf8").toString("base64");
  return `import base64 as _avj_base64, json as _avj_json, os as _avj_os, sys as _avj_sys, time as _avj_time

_AVJ_SOURCE = "${encoded}"
_AVJ_PRELUDE = ${JSON.stringify(PRELUDE)}
_AVJ_ENTRIES = [
${entries}
]


class _AvjBad(Exception):
    pass


def _avj_kind(v):
    if v is None:
        return "None"
    for t, name in ((bool, "a bool"), (int, "an int"), (float, "a float"), (str, "a str"), (list, "a list"), (tuple, "a tuple"), (dict, "a dict"), (set, "a set")):
        if isinstance(v, t):
            return name
    return "an object of another type"


def _avj_enc(v, base, depth):
    if depth > 0:
        if not isinstance(v, (list, tuple)):
            raise _AvjBad("returned %s where a list was expected" % _avj_kind(v))
        return "[" + ",".join([_avj_enc(x, base, depth - 1) for x in v]) + "]"
    if base == "int" or base == "long":
        if isinstance(v, bool) or not isinstance(v, int):
            raise _AvjBad("returned %s where an int was expected" % _avj_kind(v))
        if v.bit_length() > 64:
            raise _AvjBad("returned an int too large for %s" % base)
        return str(v)
    if base == "double":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise _AvjBad("returned %s where a float was expected" % _avj_kind(v))
        try:
            return _avj_json.dumps(float(v))
        except OverflowError:
            raise _AvjBad("returned an int too large for a float")
    if base == "bool":
        if not isinstance(v, bool):
            raise _AvjBad("returned %s where a bool was expected" % _avj_kind(v))
        return "true" if v else "false"
    if not isinstance(v, str):
        raise _AvjBad("returned %s where a str was expected" % _avj_kind(v))
    return _avj_json.dumps(v)


def _avj_conv(v, base, depth):
    if base != "double":
        return v
    if depth == 0:
        return float(v)
    return [_avj_conv(x, base, depth - 1) for x in v]


def _avj_describe(e):
    name = type(e).__name__
    try:
        text = str(e)
    except Exception:
        text = ""
    where = ""
    tb = e.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == "solution.py":
            where = "line %d in %s" % (tb.tb_lineno, code.co_name)
        tb = tb.tb_next
    return name, where, (name + ": " + text if text else name)[:4000]


def _avj_main():
    out_fd = _avj_os.dup(1)
    _avj_os.dup2(2, 1)
    _avj_sys.stdout = _avj_sys.stderr
    stdin = _avj_sys.stdin.buffer
    head = stdin.readline().decode("utf-8").rstrip("\\n").split(" ")
    nonce = head[1] if len(head) > 1 else ""
    prefix = ("@avj:" + nonce + " ").encode("ascii")

    def emit(text):
        buf = prefix + text.encode("utf-8") + b"\\n"
        while buf:
            buf = buf[_avj_os.write(out_fd, buf):]

    if len(head) != 5 or head[0] != "avj1":
        emit('{"fatal":"bad header"}')
        _avj_os._exit(3)
    count, stack_mb, capture = int(head[2]), int(head[3]), head[4] == "1"
    _avj_sys.setrecursionlimit(max(1000, min(1000000, stack_mb * 1000)))
    source = _avj_base64.b64decode(_AVJ_SOURCE).decode("utf-8")
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    exec(_AVJ_PRELUDE, namespace)
    try:
        code = compile(source, "solution.py", "exec")
    except (SyntaxError, ValueError) as e:
        import traceback
        emit('{"ce":' + _avj_json.dumps("".join(traceback.format_exception_only(type(e), e))) + "}")
        return
    try:
        exec(code, namespace)
    except MemoryError:
        raise
    except BaseException as e:
        name, where, detail = _avj_describe(e)
        emit('{"init":' + _avj_json.dumps(name) + ',"where":' + _avj_json.dumps(where) + ',"detail":' + _avj_json.dumps(detail) + "}")
        return
    solution = namespace.get("Solution")
    functions = []
    for name, _params, _base, _depth in _AVJ_ENTRIES:
        if isinstance(solution, type) and callable(getattr(solution, name, None)):
            functions.append(lambda name=name: getattr(solution(), name))
        elif callable(namespace.get(name)):
            functions.append(lambda f=namespace[name]: f)
        else:
            emit('{"ce":' + _avj_json.dumps("no function %s: define class Solution with a method %s (or a top-level function %s)" % (name, name, name)) + "}")
            return
    clock = _avj_time.perf_counter
    for i in range(count):
        line = stdin.readline().decode("utf-8")
        space = line.index(" ")
        entry = int(line[:space])
        _name, params, base, depth = _AVJ_ENTRIES[entry]
        args = [_avj_conv(a, p[0], p[1]) for a, p in zip(_avj_json.loads(line[space + 1:]), params)]
        if capture:
            _avj_sys.stderr.flush()
            _avj_os.write(2, ("\\x1eavj:%s:%d\\x1e" % (nonce, i)).encode("ascii"))
        start = clock()
        try:
            result = functions[entry]()(*args)
        except MemoryError:
            raise
        except Exception as e:
            ms = (clock() - start) * 1000.0
            name, where, detail = _avj_describe(e)
            emit('{"i":%d,"ms":%.3f,"error":%s,"where":%s,"detail":%s}' % (i, ms, _avj_json.dumps(name), _avj_json.dumps(where), _avj_json.dumps(detail)))
            continue
        ms = (clock() - start) * 1000.0
        try:
            text = _avj_enc(result, base, depth)
        except _AvjBad as e:
            emit('{"i":%d,"ms":%.3f,"bad":%s}' % (i, ms, _avj_json.dumps(str(e))))
            continue
        except (RecursionError, ValueError):
            emit('{"i":%d,"ms":%.3f,"bad":"returned a value that cannot be written"}' % (i, ms))
            continue
        emit('{"i":%d,"ms":%.3f,"out":%s}' % (i, ms, text))
    _avj_sys.stderr.flush()
    emit('{"done":%d}' % count)


_avj_main()
_avj_sys.stderr.flush()
_avj_os._exit(0)
`;
}
