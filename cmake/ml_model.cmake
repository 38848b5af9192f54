# The classifier's model file, converted at build time from npm nsfwjs (installed by
# scripts/setup through package-lock.json) into ${SKYLOOM_ML_MODEL}. Generated, never committed.
find_program(SKYLOOM_NODE node REQUIRED)
set(SKYLOOM_ML_MODEL ${CMAKE_BINARY_DIR}/models/mobilenet_v2.skm)
set(_nsfwjs_model_dir ${PROJECT_SOURCE_DIR}/node_modules/nsfwjs/dist/models/mobilenet_v2)
add_custom_command(
  OUTPUT ${SKYLOOM_ML_MODEL}
  COMMAND ${SKYLOOM_NODE} ${PROJECT_SOURCE_DIR}/scripts/convert-nsfwjs-model.mjs
          --model-dir ${_nsfwjs_model_dir} --out ${SKYLOOM_ML_MODEL}
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/convert-nsfwjs-model.mjs
          ${_nsfwjs_model_dir}/model.min.js ${_nsfwjs_model_dir}/group1-shard1of1.min.js
          ${PROJECT_SOURCE_DIR}/package-lock.json
  COMMENT "Converting nsfwjs MobileNetV2 to models/mobilenet_v2.skm"
  VERBATIM)
add_custom_target(skyloom_ml_model ALL DEPENDS ${SKYLOOM_ML_MODEL})
