-- l3build configuration of a thesis class
module = "madeupthesis"
