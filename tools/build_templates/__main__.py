from . import build_all

if __name__ == "__main__":
    for path in build_all():
        print(path)
