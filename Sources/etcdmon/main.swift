print("etcdmon")
