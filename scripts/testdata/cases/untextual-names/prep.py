import valohai

verbose = valohai.parameters("verbose").value
data = valohai.inputs("data").path()
print(verbose, data)
