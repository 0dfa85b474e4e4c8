import pandas as pd

data = pd.read_csv(data_file)
data

inputs, outputs = data.iloc[:,0:2],data.iloc[:,2]
inputs = inputs.fillna(inputs.mean())
print(inputs)

inputs = pd.get_dummies(inputs,dummy_na=True)
print(inputs)
