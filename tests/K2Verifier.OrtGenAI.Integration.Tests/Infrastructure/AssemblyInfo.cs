// GenAI's C API is not thread safe, and the handle-leak checks count process-wide live handles: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
