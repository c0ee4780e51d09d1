import valohai

data = {
    "images": "https://example.com/images.zip",
}

params = {
    "epochs": 10,
    "rate": 0.1,
}

valohai.prepare(step="train", parameters=params, inputs=data)
