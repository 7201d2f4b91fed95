print("throughline")
