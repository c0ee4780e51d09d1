import valohai

def make():
    return {"epochs": 10}

valohai.prepare(step="train", default_parameters=make(), default_inputs=dict(images="x"))
