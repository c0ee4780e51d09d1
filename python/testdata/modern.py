"""A script in today's Python: match, walrus, annotations, decorators,
async, f-strings with nested quotes (3.12), type aliases and parameters."""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import valohai as vh

type Pair[T] = tuple[T, T]

DEFAULTS: dict[str, object] = {
    "epochs": 10,
    "learning_rate": 1e-3,
    "layers": [64, 32],
    "tag": "run-" "one",
}


@dataclasses.dataclass(frozen=True)
class Config[T]:
    epochs: int = 10
    name: str = f"{'cfg'!r:>{10}}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=f"train {__name__!r}")
    parser.add_argument("--epochs", type=int, default=DEFAULTS["epochs"])
    parser.add_argument(
        "-l", "--learning-rate",
        dest="lr",
        type=float,
        default=-0.001,  # negative on purpose
    )
    parser.add_argument("--flag", action="store_true", required=False)
    parser.add_argument("--mode", choices=("a", "b"), nargs="?", default=None)
    parser.add_argument("--scale", type=lambda s: [float(x) for x in s.split(",")])
    parser.add_argument("--path", type=pathlib.Path, default=vh.outputs().path(f"{"out"}.txt"))
    return parser


async def main(argv: list[str] | None = None) -> int:
    args, _ = build_parser().parse_known_args(argv)
    match args.mode:
        case "a" | "b" as m if (n := len(m)) > 0:
            print(f"{m=} {n:{'>'}{4}}")
        case {"k": [1, *rest]}:
            pass
        case _:
            pass
    data = vh.inputs("dataset").path()
    lr = vh.parameters(
        "learning_rate"
    ).value
    print(f"{vh.parameters("epochs").value:>{4}}")
    async with asyncio.timeout(10):
        await asyncio.sleep(0)
    if __name__ == "__main__": vh.prepare(step="not-this-one")  # an alias: valohai-utils does not see it
    valohai.prepare(
        step="train-model",
        image="python:3.12",
        default_parameters=DEFAULTS,
        default_inputs={"dataset": "s3://bucket/data.csv"},
    )
    return 0


if __name__ == "__main__":
    asyncio.run(main())
