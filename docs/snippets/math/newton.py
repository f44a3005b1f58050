"""Newton's method for a root of f, with every iterate kept so convergence can be inspected."""


def newton(f, df, x0, tol=1e-12, max_iter=50):
    """Return the list of iterates x0, x1, ... until |x_{k+1} - x_k| < tol."""
    xs = [x0]
    for _ in range(max_iter):
        slope = df(xs[-1])
        if slope == 0:
            raise ZeroDivisionError(f"zero derivative at x = {xs[-1]}")
        x_next = xs[-1] - f(xs[-1]) / slope
        xs.append(x_next)
        if abs(x_next - xs[-2]) < tol:
            break
    return xs


def sqrt_iterates(a=2.0, x0=1.0):
    """Iterates of Newton on f(x) = x^2 - a, i.e. x <- (x + a / x) / 2 (Heron's rule)."""
    return newton(lambda x: x * x - a, lambda x: 2 * x, x0)


if __name__ == "__main__":
    root = 2**0.5
    for k, x in enumerate(sqrt_iterates()):
        print(f"x{k} = {x:.10f}   error {abs(x - root):.1e}")
