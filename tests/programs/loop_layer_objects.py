# Backpropagation by hand with layer objects: NumPy scalars through forward/backward/step methods, 5,000
# SGD steps. From dataflowr/notebooks Module2/sol/02_backprop_sol.ipynb (Marc Lelarge, Apache-2.0),
# cells 1-14 without the plots (`class add_bias(object):` written `class add_bias:`, the lint's form).
import numpy as np

w, b = 0.5, 2
xx = np.arange(0, 1, .01)
yy = np.exp(w * xx + b)


class add_bias:
    def __init__(self, b):
        self.b = b

    def forward(self, x):
        return x + self.b

    def backward(self, grad):
        self.grad = grad
        return grad

    def step(self, learning_rate):
        self.b -= learning_rate * self.grad


class multiplication_weight:
    def __init__(self, w):
        self.w = w

    def forward(self, x):
        self.saved_x = x
        return self.w * x

    def backward(self, grad):
        self.grad = self.saved_x * grad
        return grad * self.w

    def step(self, learning_rate):
        self.w -= learning_rate * self.grad


class my_exp:
    def forward(self, x):
        self.saved_exp = np.exp(x)
        return np.exp(x)

    def backward(self, grad):
        return self.saved_exp * grad

    def step(self, learning_rate):
        pass


class my_composition:
    def __init__(self, layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def compute_loss(self, y_est, y_target):
        self.loss_grad = 2 * (y_est - y_target)
        return (y_target - y_est) ** 2

    def backward(self):
        current_grad = self.loss_grad
        for layer in reversed(self.layers):
            current_grad = layer.backward(current_grad)

    def step(self, learning_rate):
        for layer in self.layers:
            layer.step(learning_rate)


my_fit = my_composition([multiplication_weight(1), add_bias(1), my_exp()])
learning_rate = 1e-4
losses = []
ws = []
bs = []
for i in range(5000):
    j = i % len(xx)
    y_est = my_fit.forward(xx[j])
    loss = my_fit.compute_loss(y_est, yy[j])
    losses.append(loss)
    my_fit.backward()
    my_fit.step(learning_rate)
    ws.append(my_fit.layers[0].w)
    bs.append(my_fit.layers[1].b)
print(my_fit.layers[0].w, my_fit.layers[1].b, losses[-1])
