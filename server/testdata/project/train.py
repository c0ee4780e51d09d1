import argparse

import valohai

valohai.prepare(step="train", default_parameters={"lr": 0.1}, default_inputs={"data": "s3://bucket/data.csv"})

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=0.1)
parser.add_argument("--epochs", type=int, default=3)
args = parser.parse_args()


def main():
    print(args.lr, valohai.parameters("lr").value, valohai.inputs("data").path())


main()
