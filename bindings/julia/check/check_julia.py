#!/usr/bin/env python3
"""Checks of the Julia binding (bindings/julia/LibSCS) that need no Julia.

  1. symbols:  every function the Julia code calls (@scs_ccall lines of
               src/capi.jl) is exported by libscs, with the argument count
               of its prototype in the installed headers;
  2. layout:   every struct mirrored in src/structs.jl has the C layout,
               field by field (names, order, offsets, sizes, and sizeof),
               as printed by a C program compiled against the real headers;
  3. solve:    a C program that sees only a header generated from the Julia
               definitions (structs and prototypes) runs one real solve.

Usage:
  check_julia.py --include DIR --libdir DIR [--julia DIR] [--work DIR]
                 [--only symbols,layout,solve] [--expect-failure]
DIR of --include holds scs.h (an installed include/scs or the source
include/ plus the build's scs_types.h: give --include twice).
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CC = os.environ.get("CC", "cc")


class CheckError(Exception):
    pass


# ---- the Julia side ---------------------------------------------------------

def parse_julia_structs(path):
    """[(name, [(field, juliatype)])] in file order."""
    structs = []
    cur = None
    for lineno, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^(?:mutable\s+)?struct\s+(\w+)(\{[^}]*\})?\s*$", line)
        if m:
            if cur is not None:
                raise CheckError(f"{path}:{lineno}: nested struct")
            cur = (m.group(1), [])
            continue
        if cur is not None and line.strip() == "end":
            structs.append(cur)
            cur = None
            continue
        if cur is not None:
            f = re.match(r"^\s+(\w+)::(.+?)\s*$", line)
            if not f:
                raise CheckError(f"{path}:{lineno}: cannot parse field {line.strip()!r}")
            cur[1].append((f.group(1), f.group(2).replace(" ", "")))
    if cur is not None:
        raise CheckError(f"{path}: struct {cur[0]} has no end")
    return structs


def split_top(s, sep=","):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == sep and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return [x.strip() for x in out]


def parse_julia_calls(path):
    """{symbol: (argtypes, rettype, gcsafe, lineno)} from @scs_ccall lines."""
    calls = {}
    in_doc = False
    for lineno, raw in enumerate(open(path, encoding="utf-8"), 1):
        if raw.count('"""') % 2 == 1:
            in_doc = not in_doc
            continue
        if in_doc:
            continue
        line = re.sub(r'"(?:[^"\\]|\\.)*"', '""', raw).split("#", 1)[0]
        if "@scs_ccall" not in line or "macro scs_ccall" in line:
            continue
        m = re.search(r"@scs_ccall\s+(gcsafe\s+)?(\w+)\((.*)\)::(\S+)\s*$", line)
        if not m:
            raise CheckError(f"{path}:{lineno}: cannot parse {line.strip()!r}")
        args = []
        for a in split_top(m.group(3)):
            if "::" not in a:
                raise CheckError(f"{path}:{lineno}: argument {a!r} has no type")
            args.append(a.split("::", 1)[1].replace(" ", ""))
        sym, ret = m.group(2), m.group(4)
        if sym in calls and (calls[sym][0], calls[sym][1]) != (args, ret):
            raise CheckError(f"{path}:{lineno}: {sym} is called with two different signatures")
        calls.setdefault(sym, (args, ret, bool(m.group(1)), lineno))
    if not calls:
        raise CheckError(f"{path}: no @scs_ccall found")
    return calls


def jl_base(t):
    """ScsMatrix{I,F} -> ScsMatrix"""
    return re.sub(r"\{.*\}$", "", t)


def jl_to_c(t, structs, name=None):
    """C declaration for Julia type t (with the declarator name if given)."""
    decl = f" {name}" if name else ""
    m = re.match(r"^NTuple\{(\d+),UInt8\}$", t)
    if m:
        return f"char{decl}[{m.group(1)}]" if name else f"char[{m.group(1)}]"
    m = re.match(r"^(Ptr|Ref)\{(.+)\}$", t)
    if m:
        inner = m.group(2)
        if inner == "UInt8":
            return f"char *{name or ''}".rstrip()
        return f"{jl_to_c(inner, structs)} *{name or ''}".rstrip()
    simple = {"I": "scs_int", "F": "scs_float", "Cint": "int",
              "Cuint": "unsigned int", "Csize_t": "size_t", "Cvoid": "void",
              "UInt8": "unsigned char", "Cstring": "const char *",
              "Cdouble": "double", "Int32": "int32_t", "Int64": "int64_t"}
    if t in simple:
        return simple[t] + decl
    b = jl_base(t)
    if b in structs:
        return f"jl_{b}{decl}"
    raise CheckError(f"no C equivalent for Julia type {t}")


def jl_layout(t, structs, isz, fsz, cache):
    """(size, alignment) of Julia type t, with Julia's (= C's) rules."""
    m = re.match(r"^NTuple\{(\d+),(\w+)\}$", t)
    if m:
        s, a = jl_layout(m.group(2), structs, isz, fsz, cache)
        return int(m.group(1)) * s, a
    if re.match(r"^(Ptr|Ref)\{.*\}$", t) or t == "Cstring":
        return 8, 8
    prim = {"I": (isz, isz), "F": (fsz, fsz), "Cint": (4, 4), "Cuint": (4, 4),
            "Csize_t": (8, 8), "UInt8": (1, 1), "Int32": (4, 4),
            "Int64": (8, 8), "Float64": (8, 8), "Float32": (4, 4),
            "Cdouble": (8, 8)}
    if t in prim:
        return prim[t]
    b = jl_base(t)
    if b in structs:
        lay = struct_layout(b, structs, isz, fsz, cache)
        return lay["size"], lay["align"]
    raise CheckError(f"unknown Julia field type {t}")


def struct_layout(name, structs, isz, fsz, cache):
    if name in cache:
        return cache[name]
    off, align, fields = 0, 1, []
    for fname, ftype in structs[name]:
        s, a = jl_layout(ftype, structs, isz, fsz, cache)
        off = (off + a - 1) // a * a
        fields.append((fname, off, s))
        off += s
        align = max(align, a)
    size = (off + align - 1) // align * align
    cache[name] = {"fields": fields, "size": size, "align": align}
    return cache[name]


# ---- the C side -------------------------------------------------------------

def strip_c_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def read_headers(include_dirs):
    text = ""
    for h in ("scs.h", "aa_stats.h", "scs_linsys.h"):
        for d in include_dirs:
            p = os.path.join(d, h)
            if os.path.exists(p):
                text += strip_c_comments(open(p, encoding="utf-8").read()) + "\n"
                break
        else:
            raise CheckError(f"{h} not found in {include_dirs}")
    return text


def c_struct_fields(text, name):
    """Field names of C struct `name`, in order, parsed from the header."""
    m = re.search(r"typedef\s+struct\s*(?:\w+\s*)?\{([^{}]*)\}\s*" + name + r"\s*;", text, re.S)
    if not m:
        m = re.search(r"struct\s+" + name + r"\s*\{([^{}]*)\}\s*;", text, re.S)
    if not m:
        raise CheckError(f"struct {name} not found in the headers")
    body = re.sub(r"#[^\n]*", " ", m.group(1))
    names = []
    for decl in body.split(";"):
        decl = " ".join(decl.split())
        if not decl:
            continue
        fp = re.search(r"\(\s*\*\s*(\w+)\s*\)\s*\(", decl)
        if fp:
            names.append(fp.group(1))
            continue
        parts = split_top(decl)
        first = re.match(r"^(.*?)(\**\s*\w+\s*(\[[^\]]*\])?)$", parts[0])
        if not first:
            raise CheckError(f"cannot parse the field {decl!r} of {name}")
        for p in [first.group(2)] + parts[1:]:
            nm = re.search(r"(\w+)\s*(\[[^\]]*\])?\s*$", p)
            names.append(nm.group(1))
    return names


def c_arg_count(text, sym):
    m = re.search(r"\b" + sym + r"\s*\(([^;{}]*?)\)\s*(?:;|__attribute__|\n\s*#if)", text, re.S)
    if not m:
        raise CheckError(f"no prototype of {sym} in the headers")
    args = split_top(" ".join(m.group(1).split()))
    if args == ["void"] or args == []:
        return 0
    return len(args)


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise CheckError(f"command failed: {' '.join(cmd)}\n{r.stdout}{r.stderr}")
    return r.stdout


def compile_run(src, exe, inc, libdir, extra=()):
    flags = ["-std=c11", "-Wall", "-Wextra", "-Werror"]
    run([CC, *flags, *[f"-I{d}" for d in inc], *extra, src, "-o", exe,
         f"-L{libdir}", "-lscs", f"-Wl,-rpath,{libdir}"])
    return run([exe])


# ---- the checks -------------------------------------------------------------

def check_symbols(calls, headers, libdir, log):
    lib = os.path.join(libdir, "libscs.so")
    out = run(["nm", "-D", "--defined-only", lib])
    exported = {l.split()[-1] for l in out.splitlines() if re.search(r"\s[TtWi]\s", l)}
    bad = []
    for sym, (args, _ret, gcsafe, lineno) in sorted(calls.items()):
        if sym not in exported:
            bad.append(f"{sym}: not exported by {lib}")
            continue
        n = c_arg_count(headers, sym)
        if n != len(args):
            bad.append(f"{sym}: the prototype takes {n} arguments, capi.jl:{lineno} passes {len(args)}")
            continue
        log(f"  ok  {sym}({len(args)} args){'  [gc-safe]' if gcsafe else ''}")
    if bad:
        raise CheckError("symbols:\n  " + "\n  ".join(bad))


def check_layout(structs, order, headers, inc, libdir, isz, fsz, work, log):
    cache = {}
    lines = ["#include <stddef.h>", "#include <stdio.h>", "#include <scs.h>", "",
             "#define F(S, f) printf(\"%s %s %zu %zu\\n\", #S, #f, offsetof(S, f), sizeof(((S *)0)->f))",
             "int main(void) {"]
    cfields = {}
    for name in order:
        cfields[name] = c_struct_fields(headers, name)
        tag = name if name != "ScsLinSysBackend" else "struct ScsLinSysBackend"
        typedef = name if name != "ScsLinSysBackend" else "ScsLinSysBackend"
        for f in cfields[name]:
            lines.append(f"  F({typedef}, {f});")
        lines.append(f"  printf(\"%s sizeof %zu 0\\n\", \"{name}\", sizeof({tag}));")
    lines += ["  return 0;", "}"]
    src = os.path.join(work, "layout_c.c")
    open(src, "w").write("\n".join(lines) + "\n")
    out = compile_run(src, os.path.join(work, "layout_c"), inc, libdir)
    c = {}
    for l in out.splitlines():
        s, f, off, size = l.split()
        c.setdefault(s, []).append((f, int(off), int(size)))
    errors = []
    for name in order:
        lay = struct_layout(name, structs, isz, fsz, cache)
        jl = lay["fields"] + [("sizeof", lay["size"], 0)]
        cc = c[name]
        log(f"  {name}: {len(cc) - 1} fields, sizeof {cc[-1][1]}")
        for k in range(max(len(jl), len(cc))):
            a = jl[k] if k < len(jl) else None
            b = cc[k] if k < len(cc) else None
            if a != b:
                def fmt(x):
                    if x is None:
                        return "(nothing)"
                    if x[0] == "sizeof":
                        return f"end of struct (sizeof {x[1]})"
                    return f"field {x[0]} @{x[1]} size {x[2]}"
                errors.append(f"{name} entry {k}: Julia {fmt(a)} vs C {fmt(b)}")
                break
        for k, (f, off, size) in enumerate(cc[:-1]):
            log(f"      {f:32s} C @{off:<4d} size {size:<4d} | Julia "
                + (f"{jl[k][0]} @{jl[k][1]} size {jl[k][2]}" if k < len(jl) - 1 else "(missing)"))
    if errors:
        raise CheckError("layout differs from the C headers:\n  " + "\n  ".join(errors))


def generate_header(structs, order, calls, isz, fsz, path):
    it = {4: "int", 8: "long long"}[isz]
    ft = {8: "double", 4: "float"}[fsz]
    out = ["/* Generated by check_julia.py from bindings/julia/LibSCS/src: the",
           " * Julia mirrors as C, and prototypes from the Julia argument types.",
           " * Deliberately independent of scs.h. */",
           "#include <stddef.h>", "#include <stdint.h>",
           f"typedef {it} scs_int;", f"typedef {ft} scs_float;", ""]
    for name, fields in structs.items():
        out.append(f"typedef struct jl_{name} {{")
        for f, t in fields:
            out.append(f"  {jl_to_c(t, structs, f)};")
        out.append(f"}} jl_{name};")
        out.append("")
    for sym, (args, ret, _g, _l) in sorted(calls.items()):
        a = ", ".join(jl_to_c(t, structs) for t in args) or "void"
        r = jl_to_c(ret, structs)
        if ret == "Ptr{UInt8}":
            r = "const char *"
        out.append(f"{r} {sym}({a});")
    open(path, "w").write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--include", action="append", required=True)
    ap.add_argument("--libdir", required=True)
    ap.add_argument("--julia", default=os.path.join(HERE, "..", "LibSCS"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--only", default="symbols,layout,solve")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    work = args.work or os.path.join(os.getcwd(), "julia-check")
    os.makedirs(work, exist_ok=True)

    def log(msg):
        if not args.quiet:
            print(msg)

    src = os.path.join(args.julia, "src")
    try:
        structs = dict(parse_julia_structs(os.path.join(src, "structs.jl")))
        calls = parse_julia_calls(os.path.join(src, "capi.jl"))
        headers = read_headers(args.include)
        # scs_int / scs_float of the library, from its own exported query
        q = os.path.join(work, "sizes.c")
        open(q, "w").write('#include <stdio.h>\n#include <stddef.h>\n'
                           'size_t scs_sizeof_int(void);\nsize_t scs_sizeof_float(void);\n'
                           'int main(void) { printf("%zu %zu\\n", scs_sizeof_int(), scs_sizeof_float()); return 0; }\n')
        isz, fsz = map(int, compile_run(q, os.path.join(work, "sizes"), args.include, args.libdir).split())
        log(f"libscs: sizeof(scs_int) = {isz}, sizeof(scs_float) = {fsz}")
        order = list(structs)
        only = args.only.split(",")
        if "symbols" in only:
            log("== check 1: symbols called by the Julia code")
            check_symbols(calls, headers, args.libdir, log)
        if "layout" in only:
            log("== check 2: struct layouts, Julia (structs.jl) vs C (headers)")
            check_layout(structs, order, headers, args.include, args.libdir, isz, fsz, work, log)
        if "solve" in only:
            log("== check 3: a solve through a header generated from the Julia code")
            hdr = os.path.join(work, "libscs_julia_mirror.h")
            generate_header(structs, order, calls, isz, fsz, hdr)
            out = compile_run(os.path.join(HERE, "solve_with_mirror.c"),
                              os.path.join(work, "solve_with_mirror"), [work], args.libdir)
            log("  " + out.strip().replace("\n", "\n  "))
    except CheckError as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    log("julia checks passed: " + args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
