import valohai

valohai.prepare(step="train", default_parameters={"epochs": 1, "rate": 0.1, "seed": 3, "depth": 2}, default_inputs={"images": "x"})
