# Source: rasbt/LLMs-from-scratch @28c65cd (Apache-2.0, (C) Sebastian Raschka), ch03/01_main-chapter-code/
# ch03.ipynb (https://github.com/rasbt/LLMs-from-scratch/blob/28c65cd/ch03/01_main-chapter-code/ch03.ipynb):
# code cells 1-22 (the version check, 'a simple self-attention mechanism without trainable weights' and the
# first cells of 'implementing self-attention with trainable weights') and 37-38 (the multi-head batched matrix
# product), as written, in order, each after a '# ---- cell N (corpus cell)' line; the cells between build
# nn.Module classes (out of scope). Session 39 (breadth): from importlib.metadata import version
# (lang/package_versions.py), torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False) (nn_parameter.py).
# ---- cell 1 (rasbt_ch03 1)
from importlib.metadata import version

print("torch version:", version("torch"))
# ---- cell 2 (rasbt_ch03 2)
import torch

inputs = torch.tensor(
  [[0.43, 0.15, 0.89], # Your     (x^1)
   [0.55, 0.87, 0.66], # journey  (x^2)
   [0.57, 0.85, 0.64], # starts   (x^3)
   [0.22, 0.58, 0.33], # with     (x^4)
   [0.77, 0.25, 0.10], # one      (x^5)
   [0.05, 0.80, 0.55]] # step     (x^6)
)
# ---- cell 3 (rasbt_ch03 3)
query = inputs[1]  # 2nd input token is the query

attn_scores_2 = torch.empty(inputs.shape[0])
for i, x_i in enumerate(inputs):
    attn_scores_2[i] = torch.dot(x_i, query) # dot product (transpose not necessary here since they are 1-dim vectors)

print(attn_scores_2)
# ---- cell 4 (rasbt_ch03 4)
res = 0.

for idx, element in enumerate(inputs[0]):
    res += inputs[0][idx] * query[idx]

print(res)
print(torch.dot(inputs[0], query))
# ---- cell 5 (rasbt_ch03 5)
attn_weights_2_tmp = attn_scores_2 / attn_scores_2.sum()

print("Attention weights:", attn_weights_2_tmp)
print("Sum:", attn_weights_2_tmp.sum())
# ---- cell 6 (rasbt_ch03 6)
def softmax_naive(x):
    return torch.exp(x) / torch.exp(x).sum(dim=0)

attn_weights_2_naive = softmax_naive(attn_scores_2)

print("Attention weights:", attn_weights_2_naive)
print("Sum:", attn_weights_2_naive.sum())
# ---- cell 7 (rasbt_ch03 7)
attn_weights_2 = torch.softmax(attn_scores_2, dim=0)

print("Attention weights:", attn_weights_2)
print("Sum:", attn_weights_2.sum())
# ---- cell 8 (rasbt_ch03 8)
query = inputs[1] # 2nd input token is the query

context_vec_2 = torch.zeros(query.shape)
for i,x_i in enumerate(inputs):
    context_vec_2 += attn_weights_2[i]*x_i

print(context_vec_2)
# ---- cell 9 (rasbt_ch03 9)
attn_scores = torch.empty(6, 6)

for i, x_i in enumerate(inputs):
    for j, x_j in enumerate(inputs):
        attn_scores[i, j] = torch.dot(x_i, x_j)

print(attn_scores)
# ---- cell 10 (rasbt_ch03 10)
attn_scores = inputs @ inputs.T
print(attn_scores)
# ---- cell 11 (rasbt_ch03 11)
attn_weights = torch.softmax(attn_scores, dim=-1)
print(attn_weights)
# ---- cell 12 (rasbt_ch03 12)
row_2_sum = sum([0.1385, 0.2379, 0.2333, 0.1240, 0.1082, 0.1581])
print("Row 2 sum:", row_2_sum)

print("All row sums:", attn_weights.sum(dim=-1))
# ---- cell 13 (rasbt_ch03 13)
all_context_vecs = attn_weights @ inputs
print(all_context_vecs)
# ---- cell 14 (rasbt_ch03 14)
print("Previous 2nd context vector:", context_vec_2)
# ---- cell 15 (rasbt_ch03 15)
x_2 = inputs[1] # second input element
d_in = inputs.shape[1] # the input embedding size, d=3
d_out = 2 # the output embedding size, d=2
# ---- cell 16 (rasbt_ch03 16)
torch.manual_seed(123)

W_query = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)
W_key   = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)
W_value = torch.nn.Parameter(torch.rand(d_in, d_out), requires_grad=False)
# ---- cell 17 (rasbt_ch03 17)
query_2 = x_2 @ W_query # _2 because it's with respect to the 2nd input element
key_2 = x_2 @ W_key 
value_2 = x_2 @ W_value

print(query_2)
# ---- cell 18 (rasbt_ch03 18)
keys = inputs @ W_key 
values = inputs @ W_value

print("keys.shape:", keys.shape)
print("values.shape:", values.shape)
# ---- cell 19 (rasbt_ch03 19)
keys_2 = keys[1] # Python starts index at 0
attn_score_22 = query_2.dot(keys_2)
print(attn_score_22)
# ---- cell 20 (rasbt_ch03 20)
attn_scores_2 = query_2 @ keys.T # All attention scores for given query
print(attn_scores_2)
# ---- cell 21 (rasbt_ch03 21)
d_k = keys.shape[1]
attn_weights_2 = torch.softmax(attn_scores_2 / d_k**0.5, dim=-1)
print(attn_weights_2)
# ---- cell 22 (rasbt_ch03 22)
context_vec_2 = attn_weights_2 @ values
print(context_vec_2)
# ---- cell 23 (rasbt_ch03 37)
# (b, num_heads, num_tokens, head_dim) = (1, 2, 3, 4)
a = torch.tensor([[[[0.2745, 0.6584, 0.2775, 0.8573],
                    [0.8993, 0.0390, 0.9268, 0.7388],
                    [0.7179, 0.7058, 0.9156, 0.4340]],

                   [[0.0772, 0.3565, 0.1479, 0.5331],
                    [0.4066, 0.2318, 0.4545, 0.9737],
                    [0.4606, 0.5159, 0.4220, 0.5786]]]])

print(a @ a.transpose(2, 3))
# ---- cell 24 (rasbt_ch03 38)
first_head = a[0, 0, :, :]
first_res = first_head @ first_head.T
print("First head:\n", first_res)

second_head = a[0, 1, :, :]
second_res = second_head @ second_head.T
print("\nSecond head:\n", second_res)
