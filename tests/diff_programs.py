"""Random small programs in Autograd Lab's language, for differential testing against real Python.

`make_program(rng)` writes a program of 4-14 statements over ints, floats, bools, strings, lists,
tuples, dicts and tensors (elementwise, reductions, matmul, indexing, in-place ops, backward), with
loops, functions, lambdas, comprehensions and try/except. Every loop is short, so real Python runs
any of them in milliseconds; the programs are ours, so tests/oracle.run_trusted may exec them.
Some statements are wrong on purpose (an index past the end, shapes that do not fit, a division by
zero): the engine must fail the same way Python does.
"""

from __future__ import annotations

import random

TYPES = ("int", "float", "bool", "str", "list", "tuple", "tensor")
KEYS = ("abs", "str", "lambda v: -v", "lambda v: (v > 1, v)")
EXCEPTIONS = ("ZeroDivisionError", "IndexError", "KeyError", "ValueError", "TypeError", "RuntimeError")


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vars: dict[str, str] = {}
        self.funcs: list[tuple[str, int]] = []   # (name, arity): int -> int user functions
        self.lambdas: list[str] = []
        self.count = 0
        self.lines: list[str] = ["import torch"]

    # --- helpers ----------------------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):  # noqa: ANN001, ANN201
        return self.rng.choice(seq)

    def fresh(self) -> str:
        self.count += 1
        return f"v{self.count}"

    def var(self, kind: str) -> str | None:
        names = [n for n, k in self.vars.items() if k == kind]
        return self.pick(names) if names else None

    def index(self, d: int = 1) -> str:
        return self.pick(["0", "1", "-1", "0", self.expr("int", d)])

    # --- expressions ------------------------------------------------------------------------
    def expr(self, kind: str, depth: int = 0) -> str:
        name = self.var(kind)
        if name is not None and self.chance(0.45):
            return name
        if depth >= 2:
            return self.leaf(kind)
        return getattr(self, f"e_{kind}")(depth + 1)

    def leaf(self, kind: str) -> str:
        r = self.rng
        return {
            "int": str(r.randint(-4, 12)), "float": self.pick(["0.5", "1.25", "-2.0", "3.0", "0.1", "1e-3"]),
            "bool": self.pick(["True", "False"]), "str": self.pick(["'a'", "'xy'", "''", "'Zq'"]),
            "list": self.pick(["[1, 2, 3]", "[]", "[0.5, -1.0]", "[4]"]),
            "tuple": self.pick(["(1, 2)", "(3,)", "()"]),
            "tensor": self.pick(["torch.arange(3.0)", "torch.ones(3)", "torch.tensor([1.0, -2.0, 3.0])",
                                 "torch.ones(2, 3)", "torch.tensor(2.5)", "torch.zeros(3)", "torch.arange(3)",
                                 "torch.tensor([True, False, True])", "torch.linspace(-1, 1, 3)"]),
        }[kind]

    def e_int(self, d: int) -> str:
        a, b = self.expr("int", d), self.expr("int", d)
        return self.pick([
            f"({a} {self.pick(['+', '-', '*'])} {b})", f"({a} // {b})", f"({a} % {b})",
            f"({a} ** {self.rng.randint(0, 3)})", f"len({self.expr('list', d)})",
            f"len({self.expr('str', d)})",
            f"abs({a})", f"min({a}, {b})", f"max({a}, {b}, 0)", f"int({self.expr('float', d)})",
            f"{self.expr('list', d)}[{self.index(d)}]", f"({a} if {self.expr('bool', d)} else {b})",
            f"{self.expr('tensor', d)}.numel()", f"round({self.expr('float', d)})", f"-{a}",
            f"({a} & 7)", f"({a} << 2)", f"(True + {a})", f"{self.expr('list', d)}.count({a})",
            f"[{a}, {b}, 5].index(5)", f"len({self.expr('str', d)}.split('a'))", f"(~{a})",
            f"sum(x * y for x, y in zip({self.expr('list', d)}, [1, 2]))",
            f"int('{self.rng.randint(-50, 50)}')",
            f"sum([i for i, x in enumerate({self.expr('list', d)})])",
            f"({a} * 10 ** {self.rng.randint(0, 25)})",
            f"(2 ** {self.rng.choice([10, 31, 32, 63, 64, 100])} // ({a} or 1))", f"sum([{a}, {b}])",
            f"len({self.expr('tuple', d)})",
            f"sum(x * y for x in {self.expr('list', d)} for y in range(3) if x > y)",
            f"max({self.expr('list', d)}, key=abs)", f"min([{a}, {b}, -3], key=lambda v: v * v)",
            f"len({{k: 0 for k in {self.expr('list', d)}}})",
            *(f"{f}({', '.join(self.expr('int', d) for _ in range(n))})" for f, n in self.funcs),
            *(f"{g}({a})" for g in self.lambdas),
        ])

    def e_float(self, d: int) -> str:
        a, b = self.expr("float", d), self.expr("float", d)
        return self.pick([
            f"({a} {self.pick(['+', '-', '*', '/'])} {b})",
            f"({self.expr('int', d)} / {self.expr('int', d)})",
            f"float({self.expr('int', d)})", f"{self.expr('tensor', d)}.sum().item()", f"round({a}, 2)",
            f"({a} ** 2)", f"abs({a})", f"max({a}, {b})", f"{self.expr('tensor', d)}.mean().item()",
            f"({a} % 1.5)", f"({a} // 0.5)",
            f"float('{self.pick(['1e300', '-0.0', '2.5e-8', '1e16', 'inf'])}')",
            f"({a} * 1e{self.rng.randint(-20, 20)})", f"(-{a} % -0.7)", f"({self.expr('int', d)} ** -1)",
            f"(1 / 3 * {a})", f"({self.expr('int', d)} / 7)",
        ])

    def e_bool(self, d: int) -> str:
        a, b = self.expr("int", d), self.expr("int", d)
        return self.pick([
            f"({a} {self.pick(['<', '<=', '==', '!=', '>', '>='])} {b})", f"(not {self.expr('bool', d)})",
            f"({self.expr('bool', d)} and {self.expr('bool', d)})", f"({a} in {self.expr('list', d)})",
            f"({self.expr('str', d)} in {self.expr('str', d)})", f"bool({a})",
            f"({self.expr('float', d)} > {self.expr('float', d)})", f"({a} < {b} < 10)",
        ])

    def e_str(self, d: int) -> str:
        a = self.expr("int", d)
        return self.pick([
            f"'n={{}} m={{}}'.format({a}, {self.expr('float', d)})",
            f"f'{{{a}}}-{{{self.expr('float', d)}:.3f}}'",
            f"str({self.expr(self.pick(['int', 'float', 'bool', 'list']), d)})",
            f"({self.expr('str', d)} + {self.expr('str', d)})",
            f"({self.expr('str', d)} * {self.rng.randint(0, 3)})",
            f"{self.expr('str', d)}.upper().strip()", f"'-'.join(['a', {self.expr('str', d)}])",
            f"{self.expr('str', d)}[{a}:]", f"'{{:.2f}}'.format({self.expr('float', d)})",
            f"f'{{{self.expr('tensor', d)}.sum().item():.4f}}'", f"f'{{{self.expr('list', d)}}}'",
            f"'{{:{self.pick(['e', 'g', '.3e', '>6', '<4', '^7', '+d', '05d', ',', '.1%', '.0f'])}}}'"
            f".format({self.expr(self.pick(['int', 'float']), d)})",
            f"'%d-%s-%.2f' % ({a}, {self.expr('str', d)}, {self.expr('float', d)})",
            f"repr({self.expr('str', d)})",
            f"str({self.expr('tuple', d)})",
            f"str({self.expr('float', d)})",
            f"str({self.expr('tensor', d)})", f"str({self.expr('tensor', d)}.shape)",
            *self.s9_str(d),
        ])

    def s9_str(self, d: int) -> list[str]:
        """Session 9: conversions, `{x=}`, the format-spec mini-language (nested too), str methods.
        The f-strings use double quotes: the generated expressions use single ones."""
        a, f, s = self.expr("int", d), self.expr("float", d), self.expr("str", d)
        v = self.expr(self.pick(["int", "float", "str", "list", "bool"]), d)
        width = self.rng.randint(0, 12)
        int_spec = self.pick(["x", "X", "b", "o", "#x", "#b", "0>8", "^9", "<6", ",", "_", "+d", "c", "e",
                              "08.3f"])
        float_spec = self.pick(["e", "%", ".2%", "10.3e", "g", "_", ",.2f", "^12.1f", "*>9.2f", "=+9.2f",
                                "x"])
        str_spec = self.pick(["^9", "<6", "*>7", ".1"])
        return [
            f'f"{{{v}!r}}|{{{v}!s:>{width}}}|{{{s}!a}}"', f'f"{{{a}=}} {{{f} = :.3f}}"',
            f'f"{{{a}:{int_spec}}}"', f'f"{{{f}:{float_spec}}}"', f'f"{{{s}:{str_spec}}}"',
            f'f"{{{f}:{{{self.rng.randint(0, 9)}}}.{{{self.rng.randint(0, 4)}}}f}}"',
            f"'{{!r}} {{:>{{}}}} {{:{int_spec}}}'.format({v}, {s}, {width}, {a})",
            f"{s}.{self.pick(['center', 'ljust', 'rjust', 'zfill'])}({width})", f"{s}.center({width}, '*')",
            f"{s}.{self.pick(['title', 'capitalize', 'swapcase', 'casefold'])}()",
            f"str({s}.partition('a'))", f"str({s}.rsplit('a', 1))", f"str(({s} + '\\nz').splitlines())",
        ]

    def e_list(self, d: int) -> str:
        n = self.rng.randint(0, 5)
        return self.pick([
            f"[{self.expr('int', d)}, {self.expr('float', d)}]", f"list(range({n}))",
            f"[i * {self.expr('int', d)} for i in range({n})]", f"[i for i in range({n}) if i % 2 == 0]",
            f"({self.expr('list', d)} + {self.expr('list', d)})", f"{self.expr('list', d)}[1:]",
            f"sorted({self.expr('list', d)})", f"({self.expr('list', d)} * 2)",
            f"list({self.expr('tuple', d)})",
            f"{self.expr('tensor', d)}.tolist()", f"[x + 1 for x in {self.expr('list', d)}]",
            f"{self.expr('list', d)}[::-1]", f"{self.expr('list', d)}[{self.index(d)}:{self.index(d)}:2]",
            f"list(zip({self.expr('list', d)}, 'abc'))",
            f"list(enumerate({self.expr('list', d)}))", "'a b  c'.split()",
            f"[None, True, {self.expr('str', d)}]",
            f"[x * y for x in {self.expr('list', d)} for y in range({n}) if x != y]",
            f"[(x, y) for x in range({n}) if x % 2 for y in {self.expr('list', d)} if y if x]",
            f"sorted({self.expr('list', d)}, reverse={self.expr('bool', d)})",
            f"sorted({self.expr('list', d)}, key={self.pick(KEYS)})",
            f"sorted(['pear', 'fig', {self.expr('str', d)}], key=len, reverse=True)",
            f"list({{k: k * {self.expr('int', d)} for k in range({n}) if k != 1}}.items())",
        ])

    def e_tuple(self, d: int) -> str:
        return self.pick([f"({self.expr('int', d)}, {self.expr('str', d)})", f"tuple({self.expr('list', d)})",
                          f"{self.expr('tensor', d)}.shape", f"({self.expr('tuple', d)} + (1,))"])

    def e_tensor(self, d: int) -> str:
        a, b = self.expr("tensor", d), self.expr("tensor", d)
        return self.pick([
            f"({a} {self.pick(['+', '-', '*', '/'])} {b})", f"({a} * {self.expr('float', d)})",
            f"({a} + {self.expr('int', d)})", f"torch.exp({a})", f"torch.sin({a})", f"{a}.sum()",
            f"{a}.mean()",
            f"({a} @ {b})", f"{a}[{self.index(d)}]", f"{a}[1:]", f"{a}.T", f"{a}.reshape(-1)",
            f"torch.relu({a})", f"{a}.clone()", f"torch.cat([{a}, {b}])", f"({a} ** 2)", f"{a}.max()",
            f"torch.tensor({self.expr('list', d)})", f"torch.arange({self.rng.randint(0, 6)}.0)",
            f"torch.ones({self.rng.randint(1, 3)}, {self.rng.randint(1, 3)})", f"{a}.sum(0)",
            f"torch.stack([{a}, {b}])", f"{a}.abs()", f"torch.tanh({a})", f"({a} > 0)", f"{a}.float()",
        ])

    # --- statements ---------------------------------------------------------------------------
    def assign(self, kind: str | None = None) -> list[str]:
        kind = kind or self.pick(TYPES)
        value = self.expr(kind)
        name = self.var(kind) if self.chance(0.3) else None
        name = name or self.fresh()
        self.vars[name] = kind
        return [f"{name} = {value}"]

    def statement(self, depth: int) -> list[str]:
        roll = self.rng.random()
        if roll < 0.30 or not self.vars:
            return self.assign()
        if roll < 0.42:
            return [f"print({', '.join(self.expr(self.pick(TYPES)) for _ in range(self.rng.randint(1, 3)))})"]
        if roll < 0.52:
            return self.augmented()
        if roll < 0.60:
            return self.item_store()
        if depth >= 2:
            return self.assign()
        if roll < 0.68:
            return self.block(f"for i{depth} in range({self.rng.randint(0, 4)}):", depth)
        if roll < 0.74:
            return self.block(f"if {self.expr('bool')}:", depth) + (
                self.block("else:", depth) if self.chance(0.5) else [])
        if roll < 0.80:
            body = self.block("try:", depth)
            exc = self.pick(EXCEPTIONS)
            tail = "print('caught', e)" if exc in ("ZeroDivisionError", "IndexError") else "print('caught')"
            return [*body, f"except {exc} as e:", f"    {tail}"]
        if roll < 0.85:
            return self.function()
        if roll < 0.89:
            name = f"g{self.count}"
            self.count += 1
            self.lambdas.append(name)
            return [f"{name} = lambda v: v {self.pick(['+', '*', '-'])} {self.rng.randint(0, 5)}"]
        if roll < 0.92:
            return self.training()
        if roll < 0.97:
            return self.s10(depth)
        c = self.fresh()   # not in self.vars until after the loop: the body never assigns it
        saved = dict(self.vars)
        body = self.statement(depth + 1)
        self.vars = saved
        self.vars[c] = "int"
        return [f"{c} = 0", f"while {c} < {self.rng.randint(0, 5)}:",
        f"    {c} += 1", *("    " + s for s in body)]

    def s10(self, depth: int) -> list[str]:
        """Session 10: sets of numbers (CPython's order: no strings or None in them), map/filter,
        starred targets, *args/**kwargs/keyword-only parameters, global/nonlocal, else after loops."""
        # `% 97`: an "int" expression may hold a str in a tuple (list(zip(...))[0]), which would put
        # a string in a set (printed sorted by the engine, in hash order by CPython)
        a, b, c = (f"({self.expr('int')}) % 97" for _ in range(3))
        ints = f"[{a}, {b}, {c}]"
        n, k = self.fresh(), self.rng.randint(0, 4)
        funcs = [name for name, arity in self.funcs if arity == 1] + self.lambdas + ["abs", "str", "float"]
        fn = self.pick(funcs)
        choice = self.rng.randint(0, 9)
        if choice == 0:
            other = self.pick([f"{{{b}, {k}, 2.5}}", f"set(range({k}))", f"{{x % 3 for x in {ints}}}"])
            op = self.pick(["|", "&", "-", "^", "<=", "==", "<"])
            return [f"{n} = {{{a}, {b}, {c}, {self.expr('float')}}}",
                    f"print({n}, len({n}), {a} in {n}, {n} {op} {other}, sorted({n}))"]
        if choice == 1:
            method = self.pick([f"add({a})", f"update({ints}, range({k}))", f"discard({b})", "pop()",
                                f"remove({c})", f"intersection_update(range({k}))", f"union({ints})",
                                f"symmetric_difference({{{k}, 1}})", f"difference([{a}])", "copy()",
                                f"issubset(range({k}))"])
            return [f"{n} = {{x * {k} for x in {ints} if x != {b}}}", f"print({n}.{method}, {n})"]
        if choice == 2:
            keep = self.pick(["None", "bool", *self.lambdas])
            return [f"print(list(map({fn}, {ints})), list(filter({keep}, {ints})), sum(map(abs, {ints})),",
                    f"      ' '.join(map(str, range({k}))))"]
        if choice == 3:
            pairs = f"map(lambda v, w: v * w + {k}, {ints}, range({k}))"   # never bound: an iterator is
            return [f"print(next({pairs}, -1), list({pairs}), list(filter(None, {pairs})))"]   # no variable
        if choice == 4:
            target = self.pick([f"{n}, *{n}r", f"*{n}r, {n}", f"{n}, *{n}r, {n}z", f"[{n}, *{n}r]"])
            source = self.pick([ints, f"range({k})", self.expr("str"), self.expr("tuple"), f"{a}"])
            return [f"{target} = {source}", f"print({n}, {n}r)"]
        if choice == 5:
            return [f"for {n}, *{n}r in [{ints}, ({a},), ({b}, {c})]:", f"    print({n}, {n}r)"]
        if choice == 6:
            call = self.pick([f"{n}({a})", f"{n}({a}, {b}, {c})", f"{n}({a}, k={b})", f"{n}(k={b}, z={c})",
                              f"{n}(*{ints})", f"{n}({a}, {b}, q={c}, k={k})", f"{n}()"])
            return [f"def {n}(a, *rest, k={k}, **kw):", "    return a + len(rest) * k + len(kw) + sum(rest)",
                    f"print({call})"]
        if choice == 7:
            self.vars[n] = "int"
            return [f"{n} = {a}", f"def {n}f(by):", f"    global {n}", f"    {n} += by", f"    return {n}",
                    f"print({n}f({b}), {n}f({k}), {n})"]
        if choice == 8:
            return [f"def {n}():", f"    c = {a}", "    def step():", "        nonlocal c",
                    f"        c = c * 2 + {k}", "        return c", "    step()", "    return step() + c",
                    f"print({n}())"]
        head = self.pick([f"for {n} in range({k}):", f"for {n} in {ints}:"])
        return [head, f"    if {n} == {b}:", "        break", "else:",
                f"    print('no break', {self.expr(self.pick(TYPES))})"]

    def block(self, head: str, depth: int) -> list[str]:
        body: list[str] = []
        saved = dict(self.vars)   # a name bound in a block may be unbound after it: not used later
        for _ in range(self.rng.randint(1, 3)):
            body += self.statement(depth + 1)
        self.vars = saved
        return [head, *("    " + s for s in body)]

    def augmented(self) -> list[str]:
        kind = self.pick(["int", "float", "str", "list", "tensor"])
        name = self.var(kind)
        if name is None:
            return self.assign(kind)
        op = {"int": ["+=", "-=", "*=", "//=", "%="], "float": ["+=", "-=", "*=", "/="], "str": ["+=", "*="],
              "list": ["+=", "*="], "tensor": ["+=", "-=", "*=", "/="]}[kind]
        op = self.pick(op)
        rhs_kind = {"str": "str", "list": "list"}.get(kind, self.pick(["int", "float"]))
        if op == "*=" and kind in ("str", "list"):
            return [f"{name} *= {self.rng.randint(0, 2)}"]
        if kind == "tensor" and self.chance(0.4):
            rhs_kind = "tensor"
        return [f"{name} {op} {self.expr(rhs_kind)}"]

    def item_store(self) -> list[str]:
        kind = self.pick(["list", "tensor", "dict"])
        if kind == "dict":
            name = self.var("dict")
            if name is None:
                name = self.fresh()
                self.vars[name] = "dict"
                return [f"{name} = {{'a': 1, 'b': {self.expr('int')}}}"]
            key = self.pick(["'a'", "'b'", "'c'"])
            if self.chance(0.2):
                return [f"{name} = {{k: i for i, k in enumerate('abc') if i != {self.expr('int')}}}"]
            return [self.pick([f"{name}[{key}] = {self.expr('int')}", f"{name}[{key}] += {self.expr('int')}",
                               f"del {name}[{key}]",
                               f"print({name}.get({key}, -1), len({name}), list({name}.keys()))"])]
        name = self.var(kind)
        if name is None:
            return self.assign(kind)
        index = self.index()
        value = self.expr(self.pick(["int", "float"]))
        if kind == "list":
            return [self.pick([f"{name}[{index}] = {value}", f"{name}[{index}] += {value}",
                               f"{name}.append({value})", f"{name}[{index}] *= 2",
            f"{name}.extend([{value}])", f"print({name}.pop())", f"{name}[{index}:] = [{value}]",
            f"del {name}[{index}]", f"del {name}[{index}:{self.index()}]", f"{name}.sort(reverse=True)",
           ])]
        return [self.pick([f"{name}[{index}] = {value}", f"{name}[{index}] += {value}",
                           f"{name}[{index}] *= {value}", f"{name}.add_({value})", f"{name}.mul_({value})",
                           f"{name}[{index}] -= {self.expr('tensor')}", f"{name}[0:2] = {value}",
                           f"{name}[{index}] /= {value}", f"{name}[{index}] **= 2", f"{name}.clamp_(-1, 1)",
                           f"{name}[{name} > 0] = {value}", f"{name}.data *= {value}",
                           f"{name}.data[{index}] = 1",
                           f"{name}[{index}] //= 2", f"{name}[-1] = {name}[0]"])]

    def function(self) -> list[str]:
        name = f"f{self.count}"
        self.count += 1
        arity = self.rng.randint(1, 2)
        params = ["a", "b"][:arity]
        saved = dict(self.vars)
        self.vars = {p: "int" for p in params}
        body = self.e_int(1)
        self.vars = saved
        self.funcs.append((name, arity))
        if self.chance(0.3):
            return [f"def {name}({', '.join(params)}):", "    if a <= 0:", "        return 1",
                    f"    return {body} + {name}({', '.join(['a - 1'] + params[1:])})"]
        return [f"def {name}({', '.join(params)}):", f"    return {body}"]

    def training(self) -> list[str]:
        w, loss = self.fresh(), self.fresh()
        self.vars[w] = "tensor"
        self.vars[loss] = "tensor"
        n = self.rng.randint(1, 3)
        lr = self.pick(["0.1", "0.01", "0.5"])
        target = self.expr("tensor")
        lines = [f"{w} = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)",
                 f"for step in range({n}):",
                 f"    {loss} = (({w} * {target}) ** 2).sum()",
                 f"    {loss}.backward()",
                 "    with torch.no_grad():",
                 f"        {w} -= {lr} * {w}.grad",
                 f"    {w}.grad.zero_()"]
        if self.chance(0.3):
            lines[-2] = f"        {w}.data -= {lr} * {w}.grad" if self.chance(0.5) else lines[-2]
        lines.append(f"print({loss}, {w})")
        return lines


def make_program(rng: random.Random, statements: int | None = None) -> str:
    gen = Gen(rng)
    for _ in range(statements or rng.randint(4, 14)):
        gen.lines += gen.statement(0)
    return "\n".join(gen.lines) + "\n"
