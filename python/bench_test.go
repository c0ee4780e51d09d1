package python

import (
	"bytes"
	"testing"
)

// benchSnippet is a realistic piece of a training script; the benchmark
// repeats it to about 200 KB.
const benchSnippet = `
import argparse
import json
import valohai

DEFAULTS = {"epochs": 10, "learning_rate": 0.001, "layers": [64, 32], "name": "model-" "a"}


def parse_args():
    parser = argparse.ArgumentParser(description=f"train {__name__!r}")
    parser.add_argument("--epochs", type=int, default=DEFAULTS["epochs"], help="how many passes")
    parser.add_argument("-l", "--learning-rate", dest="lr", type=float, default=1e-3)
    parser.add_argument("--mode", choices=["fast", "slow"], nargs="?", default="fast")
    parser.add_argument("--verbose", action="store_true", required=False)
    return parser.parse_known_args()


class Trainer:
    """Trains a model.

    Uses ''' and "quotes" inside a docstring.
    """

    def __init__(self, epochs: int = 10, *, lr: float = 0.001) -> None:
        self.epochs = epochs
        self.lr = lr  # a comment with valohai.prepare( in it

    async def run(self, data: list[float]) -> dict[str, float]:
        total = 0.0
        for i, x in enumerate(data):
            if (y := x * self.lr) > 1_000:
                total += y ** 2 // 3
            match i % 3:
                case 0:
                    print(f"{i:>{4}} {x!r} {json.dumps({'i': i})}")
                case _:
                    pass
        return {"loss": total, "path": valohai.inputs("dataset").path()}


if __name__ == "__main__":
    args, _ = parse_args()
    valohai.prepare(step="train", image="python:3.12", default_parameters=DEFAULTS,
                    default_inputs={"dataset": "s3://bucket/data.csv"})
    lr = valohai.parameters("learning_rate").value
`

func benchSource() []byte {
	var b bytes.Buffer
	for b.Len() < 200*1024 {
		b.WriteString(benchSnippet)
	}
	return b.Bytes()
}

func BenchmarkRead200KB(b *testing.B) {
	src := benchSource()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		Read(src)
	}
}

func TestBenchSourceReads(t *testing.T) {
	src := benchSource()
	s := Read(src)
	n := bytes.Count(src, []byte("def parse_args"))
	if len(s.Arguments) != 4*n || s.ParseKnownArgs != n || len(s.Parameters) != n || len(s.Inputs) != n {
		t.Errorf("%d copies: %d arguments, %d parse_known_args, %d parameters, %d inputs",
			n, len(s.Arguments), s.ParseKnownArgs, len(s.Parameters), len(s.Inputs))
	}
	if s.Prepare == nil || s.Prepare.Step.Value != "train" || !s.Prepare.DefaultParameters.Literal {
		t.Errorf("prepare %+v", s.Prepare)
	}
}
