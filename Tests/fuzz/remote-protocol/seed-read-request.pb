
)€ê0__name__upinstancei1|i2