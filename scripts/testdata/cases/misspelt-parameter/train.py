import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--data-dir", required=True)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
