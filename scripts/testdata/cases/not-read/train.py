import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--a", type=int, default=1)
parser.add_argument("--output_path", required=True)
parser.parse_args()
