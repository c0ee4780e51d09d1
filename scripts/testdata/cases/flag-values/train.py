import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--debug", type=int, default=0)
parser.add_argument("--ratio", type=float, default=0.5)
parser.add_argument("--level", type=int, default=0)
parser.add_argument("--verbose", type=bool, default=False)
parser.add_argument("--quiet", type=bool, default=False)
parser.add_argument("--mode", default="a")
args = parser.parse_args()
