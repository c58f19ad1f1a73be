//! The shape of a value as the fields it has, defaults included.
//!
//! Saved files leave out fields equal to their default, so the text of a
//! plan does not list every field the plan knows. To tell a misspelt field
//! from a known one left at its default, [`shape`] serialises the plan into a
//! [`Value`] in which every struct lists all its fields: those written with
//! their shape, those the model skips (at their default) as `()`. Only the
//! structure matters here: numbers, text and enum values become `()` too.

use ron::Value;
use serde::ser::{self, Serialize};

/// `value` as nested maps (structs, by field name), lists and options; every
/// other value is `()`.
pub(super) fn shape<T: Serialize + ?Sized>(value: &T) -> Result<Value, ron::Error> {
    value.serialize(Shape)
}

struct Shape;

/// Structs and maps collect fields, lists and tuples collect items.
#[derive(Default)]
struct Compound {
    items: Vec<Value>,
    map: ron::Map,
    key: Option<Value>,
}

impl Compound {
    fn field(&mut self, name: &str, value: Value) {
        self.map.insert(Value::String(name.to_owned()), value);
    }
}

macro_rules! leaves {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<Value, ron::Error> {
            Ok(Value::Unit)
        })*
    };
}

impl ser::Serializer for Shape {
    type Ok = Value;
    type Error = ron::Error;
    type SerializeSeq = Compound;
    type SerializeTuple = Compound;
    type SerializeTupleStruct = Compound;
    type SerializeTupleVariant = Compound;
    type SerializeMap = Compound;
    type SerializeStruct = Compound;
    type SerializeStructVariant = Compound;

    leaves!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128,
        serialize_f32: f32,
        serialize_f64: f64,
        serialize_char: char,
        serialize_bytes: &[u8],
        serialize_unit_struct: &'static str,
    );

    fn serialize_str(self, v: &str) -> Result<Value, ron::Error> {
        // Kept: map keys are strings.
        Ok(Value::String(v.to_owned()))
    }

    fn serialize_none(self) -> Result<Value, ron::Error> {
        Ok(Value::Option(None))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, ron::Error> {
        Ok(Value::Option(Some(Box::new(value.serialize(Shape)?))))
    }

    fn serialize_unit(self) -> Result<Value, ron::Error> {
        Ok(Value::Unit)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<Value, ron::Error> {
        Ok(Value::Unit)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Value, ron::Error> {
        value.serialize(Shape)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<Value, ron::Error> {
        value.serialize(Shape)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound, ron::Error> {
        Ok(Compound::default())
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound, ron::Error> {
        Ok(Compound::default())
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound, ron::Error> {
        Ok(Compound::default())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound, ron::Error> {
        Ok(Compound::default())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound, ron::Error> {
        Ok(Compound::default())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound, ron::Error> {
        Ok(Compound::default())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound, ron::Error> {
        Ok(Compound::default())
    }
}

macro_rules! sequences {
    ($($trait:ident: $method:ident),* $(,)?) => {
        $(impl ser::$trait for Compound {
            type Ok = Value;
            type Error = ron::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
                self.items.push(value.serialize(Shape)?);
                Ok(())
            }

            fn end(self) -> Result<Value, ron::Error> {
                Ok(Value::Seq(self.items))
            }
        })*
    };
}

sequences!(
    SerializeSeq: serialize_element,
    SerializeTuple: serialize_element,
    SerializeTupleStruct: serialize_field,
    SerializeTupleVariant: serialize_field,
);

macro_rules! structs {
    ($($trait:ident),* $(,)?) => {
        $(impl ser::$trait for Compound {
            type Ok = Value;
            type Error = ron::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), ron::Error> {
                let value = value.serialize(Shape)?;
                self.field(key, value);
                Ok(())
            }

            /// A field left out because it has its default: still a field.
            fn skip_field(&mut self, key: &'static str) -> Result<(), ron::Error> {
                self.field(key, Value::Unit);
                Ok(())
            }

            fn end(self) -> Result<Value, ron::Error> {
                Ok(Value::Map(self.map))
            }
        })*
    };
}

structs!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound {
    type Ok = Value;
    type Error = ron::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ron::Error> {
        self.key = Some(key.serialize(Shape)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        let key = self.key.take().unwrap_or(Value::Unit);
        self.map.insert(key, value.serialize(Shape)?);
        Ok(())
    }

    fn end(self) -> Result<Value, ron::Error> {
        Ok(Value::Map(self.map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Step, StepId};

    fn keys(v: &Value) -> Vec<String> {
        match v {
            Value::Map(m) => m
                .keys()
                .filter_map(|k| match k {
                    Value::String(s) => Some(s.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn fields_at_their_default_are_listed_though_saving_leaves_them_out() {
        let step = Step {
            id: StepId(4),
            title: "Pack".to_owned(),
            ..Step::default()
        };
        let saved = ron::to_string(&step).unwrap();
        assert!(!saved.contains("minutes"), "{saved}");
        let shape = shape(&step).unwrap();
        let fields = keys(&shape);
        for name in ["id", "title", "minutes", "notes", "tag"] {
            assert!(fields.iter().any(|f| f == name), "{name} in {fields:?}");
        }
    }
}
